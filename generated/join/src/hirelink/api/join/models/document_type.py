from enum import StrEnum


class DocumentType(StrEnum):
    CERTIFICATES = "CERTIFICATES"
    COVER_LETTER = "COVER_LETTER"
    CV = "CV"
    OTHER = "OTHER"
    PORTFOLIO = "PORTFOLIO"
    REFERENCES = "REFERENCES"
    TRANSCRIPT = "TRANSCRIPT"
    WORK_SAMPLES = "WORK_SAMPLES"

    def __str__(self) -> str:
        return str(self.value)
