"""Errors that skip one input file with a reason a person can act on."""


class IngestError(Exception):
    """A file that cannot be ingested; str(error) is the one-line reason shown in the report."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason
