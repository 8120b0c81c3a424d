"""Lessons and procedures: loading and validation. Imports no Qt."""
