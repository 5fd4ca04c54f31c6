from enum import StrEnum


class ListOffersScope(StrEnum):
    ACTIVE = "active"
    ARCHIVED = "archived"
    NOT_ARCHIVED = "not_archived"

    def __str__(self) -> str:
        return str(self.value)
