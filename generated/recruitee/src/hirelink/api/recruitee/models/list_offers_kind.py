from enum import StrEnum


class ListOffersKind(StrEnum):
    JOB = "job"
    TALENT_POOL = "talent_pool"

    def __str__(self) -> str:
        return str(self.value)
