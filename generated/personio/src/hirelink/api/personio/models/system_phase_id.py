from enum import StrEnum


class SystemPhaseId(StrEnum):
    ACCEPTED = "accepted"
    OFFER = "offer"
    REJECTED = "rejected"
    UNASSIGNED = "unassigned"
    WITHDRAWN = "withdrawn"

    def __str__(self) -> str:
        return str(self.value)
