"""Contains all the data models used in inputs/outputs"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .application import Application
    from .application_create_request import ApplicationCreateRequest
    from .application_created import ApplicationCreated
    from .application_document import ApplicationDocument
    from .application_job import ApplicationJob
    from .application_source import ApplicationSource
    from .application_source_info import ApplicationSourceInfo
    from .attachment import Attachment
    from .candidate import Candidate
    from .candidate_update_request import CandidateUpdateRequest
    from .category import Category
    from .document_type import DocumentType
    from .employment_type import EmploymentType
    from .error import Error
    from .error_detail import ErrorDetail
    from .hiring_state_filter import HiringStateFilter
    from .job import Job
    from .job_contact import JobContact
    from .new_candidate import NewCandidate
    from .note import Note
    from .note_create_request import NoteCreateRequest
    from .office import Office
    from .salary import Salary
    from .seniority_level import SeniorityLevel
    from .sub_category import SubCategory

_MODULE_OF = {
    "Application": ".application",
    "ApplicationCreateRequest": ".application_create_request",
    "ApplicationCreated": ".application_created",
    "ApplicationDocument": ".application_document",
    "ApplicationJob": ".application_job",
    "ApplicationSource": ".application_source",
    "ApplicationSourceInfo": ".application_source_info",
    "Attachment": ".attachment",
    "Candidate": ".candidate",
    "CandidateUpdateRequest": ".candidate_update_request",
    "Category": ".category",
    "DocumentType": ".document_type",
    "EmploymentType": ".employment_type",
    "Error": ".error",
    "ErrorDetail": ".error_detail",
    "HiringStateFilter": ".hiring_state_filter",
    "Job": ".job",
    "JobContact": ".job_contact",
    "NewCandidate": ".new_candidate",
    "Note": ".note",
    "NoteCreateRequest": ".note_create_request",
    "Office": ".office",
    "Salary": ".salary",
    "SeniorityLevel": ".seniority_level",
    "SubCategory": ".sub_category",
}


if (
    not TYPE_CHECKING
):  # type checkers read the imports above: a misspelt name is an error

    def __getattr__(name: str) -> Any:
        module = _MODULE_OF.get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(import_module(module, __name__), name)
        globals()[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted(set(globals()) | set(__all__))


__all__ = (
    "Application",
    "ApplicationCreateRequest",
    "ApplicationCreated",
    "ApplicationDocument",
    "ApplicationJob",
    "ApplicationSource",
    "ApplicationSourceInfo",
    "Attachment",
    "Candidate",
    "CandidateUpdateRequest",
    "Category",
    "DocumentType",
    "EmploymentType",
    "Error",
    "ErrorDetail",
    "HiringStateFilter",
    "Job",
    "JobContact",
    "NewCandidate",
    "Note",
    "NoteCreateRequest",
    "Office",
    "Salary",
    "SeniorityLevel",
    "SubCategory",
)
