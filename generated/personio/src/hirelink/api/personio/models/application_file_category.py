from enum import StrEnum


class ApplicationFileCategory(StrEnum):
    CERTIFICATE = "certificate"
    COVER_LETTER = "cover-letter"
    CV = "cv"
    EMPLOYMENT_REFERENCE = "employment-reference"
    OTHER = "other"
    WORK_SAMPLE = "work-sample"

    def __str__(self) -> str:
        return str(self.value)
