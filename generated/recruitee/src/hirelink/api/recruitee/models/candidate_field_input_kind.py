from enum import StrEnum


class CandidateFieldInputKind(StrEnum):
    BOOLEAN = "boolean"
    DATE = "date"
    SINGLE_LINE = "single_line"

    def __str__(self) -> str:
        return str(self.value)
