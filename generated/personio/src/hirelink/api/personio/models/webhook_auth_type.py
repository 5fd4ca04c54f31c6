from enum import StrEnum


class WebhookAuthType(StrEnum):
    CUSTOM = "CUSTOM"
    NONE = "NONE"
    TOKEN = "TOKEN"

    def __str__(self) -> str:
        return str(self.value)
