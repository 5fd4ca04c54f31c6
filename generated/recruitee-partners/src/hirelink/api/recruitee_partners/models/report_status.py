from enum import StrEnum


class ReportStatus(StrEnum):
    CANCELED = "canceled"
    COMPLETED = "completed"
    FAILED = "failed"
    SENT = "sent"

    def __str__(self) -> str:
        return str(self.value)
