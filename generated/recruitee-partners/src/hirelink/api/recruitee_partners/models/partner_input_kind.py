from enum import StrEnum


class PartnerInputKind(StrEnum):
    ADMIN = "admin"
    EMAIL = "email"
    FIRST_NAME = "first_name"
    LAST_NAME = "last_name"
    OFFER = "offer"
    PHONE = "phone"

    def __str__(self) -> str:
        return str(self.value)
