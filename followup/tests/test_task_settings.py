"""The task queue's setting is parsed strictly, like every other: immediate by default, the database on demand."""

from core.tests.test_settings import run_manage

PRINT_BACKEND = "from django.conf import settings; print(settings.TASKS['default']['BACKEND'])"


def test_tasks_run_at_once_by_default():
    result = run_manage("shell", "-c", PRINT_BACKEND, env={})
    assert result.stdout.strip().splitlines()[-1] == "django_tasks.backends.immediate.ImmediateBackend", result.stderr


def test_the_database_queue_on_demand():
    result = run_manage("shell", "-c", PRINT_BACKEND, env={"TASKS_BACKEND": "database"})
    assert result.stdout.strip().splitlines()[-1] == "django_tasks_db.DatabaseBackend", result.stderr


def test_a_misspelt_backend_stops_start_up():
    result = run_manage("check", env={"TASKS_BACKEND": "databse"})
    assert result.returncode != 0
    assert "TASKS_BACKEND must be one of immediate, database, not 'databse'" in result.stderr
