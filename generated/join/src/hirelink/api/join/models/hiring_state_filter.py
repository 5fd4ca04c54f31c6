from enum import StrEnum


class HiringStateFilter(StrEnum):
    ACTIVE = "ACTIVE"
    APPLIED = "APPLIED"
    HIRED = "HIRED"
    OFFER = "OFFER"
    REJECTED = "REJECTED"

    def __str__(self) -> str:
        return str(self.value)
