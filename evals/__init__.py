"""The fixed evaluation set and its offline runner (a thin client of ``assistant``)."""
