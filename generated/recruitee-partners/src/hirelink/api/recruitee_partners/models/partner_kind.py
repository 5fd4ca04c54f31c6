from enum import StrEnum


class PartnerKind(StrEnum):
    ASSESSMENT = "assessment"
    BACKGROUND_CHECK = "background_check"
    REFERENCE_CHECK = "reference_check"

    def __str__(self) -> str:
        return str(self.value)
