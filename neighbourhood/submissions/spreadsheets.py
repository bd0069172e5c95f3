"""Spreadsheet cells that stay text.

A cell starting with ``=``, ``+``, ``-``, ``@`` (or a tab or carriage return
before one of those) is run as a formula by Excel and LibreOffice when a CSV
file is opened. What residents type ends up in the volunteers' exports, so
every CSV this project writes passes its cells through ``safe_cell``.
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """``value``, with a leading apostrophe if a spreadsheet would read it as
    a formula. Numbers and other non-text values are returned unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class SafeCsvExportMixin:
    """For Wagtail's spreadsheet export views: CSV cells never become formulas
    (XLSX cells are already written as text by Wagtail)."""

    def write_csv_row(self, writer, row_dict):
        return writer.writerow(
            {
                field: safe_cell(
                    self.preprocess_field_value(field, value, self.FORMAT_CSV)
                )
                for field, value in row_dict.items()
            }
        )
