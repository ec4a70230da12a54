"""Helpers several test modules share, written once: signing in, inviting residents to a survey,
uploading an import and reading a CSV download."""
