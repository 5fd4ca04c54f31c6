from enum import StrEnum


class ListCandidatesSort(StrEnum):
    BY_DATE = "by_date"
    BY_LAST_MESSAGE = "by_last_message"

    def __str__(self) -> str:
        return str(self.value)
