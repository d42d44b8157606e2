"""Compliance reports: charts (matplotlib, Qt-free), XLSX (openpyxl) and PDF (reportlab)."""
