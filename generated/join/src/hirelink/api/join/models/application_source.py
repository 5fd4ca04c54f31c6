from enum import StrEnum


class ApplicationSource(StrEnum):
    AGENCY = "AGENCY"
    EVENTS = "EVENTS"
    INTERNAL_APPLICATION = "INTERNAL_APPLICATION"
    JOB_BOARDS = "JOB_BOARDS"
    ORGANIC = "ORGANIC"
    OTHER = "OTHER"
    REFERRALS = "REFERRALS"
    SOCIAL_MEDIA = "SOCIAL_MEDIA"
    SOURCING_TOOLS = "SOURCING_TOOLS"

    def __str__(self) -> str:
        return str(self.value)
