"""Reading and checking a spreadsheet of statistics before anything is written.

Every row is checked and every problem is reported with its line and column, so that a person fixes the whole
file in one pass; the import itself (services.statistics_import) runs only when there is no problem at all.
Line numbers are those a spreadsheet shows: the header is line 1.
"""

from .files import csv_table, read_statistics, xlsx_table
from .model import COLUMNS, MAX_ROWS, REQUIRED_COLUMNS, ImportProblem, ImportResult, StatisticRow, statistic_key
from .rows import validate_table

__all__ = [
    "COLUMNS",
    "MAX_ROWS",
    "REQUIRED_COLUMNS",
    "ImportProblem",
    "ImportResult",
    "StatisticRow",
    "csv_table",
    "read_statistics",
    "statistic_key",
    "validate_table",
    "xlsx_table",
]
