"""Renderers for screening results (HTML now; PDF, XLSX later)."""
