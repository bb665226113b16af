"""What the storage of uploaded files raises when it cannot do its job, whichever storage is configured."""

from functools import cache


@cache
def storage_errors() -> tuple[type[Exception], ...]:
    """The local disk raises OSError (disk full, a folder it may not write to); an S3-compatible object store
    raises botocore's and boto3's errors (bucket missing, access refused, store unreachable).

    A function, for `except storage_errors():` is evaluated only when something is raised: a process that never
    meets a storage error never imports boto3 (a quarter of a second).
    """
    from boto3.exceptions import Boto3Error
    from botocore.exceptions import BotoCoreError, ClientError

    return (OSError, BotoCoreError, ClientError, Boto3Error)
