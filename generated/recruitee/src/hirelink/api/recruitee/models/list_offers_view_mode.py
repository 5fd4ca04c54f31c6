from enum import StrEnum


class ListOffersViewMode(StrEnum):
    BRIEF = "brief"
    DEFAULT = "default"

    def __str__(self) -> str:
        return str(self.value)
