"""The storage of uploaded documents in an S3-compatible object store, as config/settings.py configures it.

A function rather than a literal in the settings, so that the tests run against the very options production uses.
"""


def s3_media_storage(
    *,
    bucket: str,
    endpoint_url: str = "",
    region: str = "",
    access_key: str = "",
    secret_key: str = "",
    prefix: str = "",
    addressing_style: str = "auto",
    timeout: int = 5,
) -> dict:
    from botocore.config import Config  # only when the store is configured: boto3 takes a quarter of a second

    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": bucket,
            "endpoint_url": endpoint_url or None,  # None: Amazon S3 itself
            "region_name": region or None,
            # Without keys, boto3 finds its own (instance role, ~/.aws): nothing secret needs to be in a file.
            "access_key": access_key or None,
            "secret_key": secret_key or None,
            "location": prefix,
            # Private objects and no signed links: nothing is ever served from the store to a browser, so a URL
            # written by mistake would be refused by the store instead of opening the document to whoever has it.
            "default_acl": "private",
            "querystring_auth": False,
            # Two documents with the same name never replace each other, as on the local disk.
            "file_overwrite": False,
            "client_config": Config(
                s3={"addressing_style": addressing_style},
                # A store that does not answer fails an upload in seconds, with the page's message, instead of
                # holding a worker for a minute.
                connect_timeout=timeout,
                read_timeout=timeout * 4,
                retries={"max_attempts": 3, "mode": "standard"},
            ),
        },
    }
