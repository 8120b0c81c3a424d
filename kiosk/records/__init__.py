"""Consultation records in SQLite. Imports no Qt."""
