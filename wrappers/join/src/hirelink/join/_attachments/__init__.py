"""Requests no spec describes: the download of an attachment's pre-signed URL."""
