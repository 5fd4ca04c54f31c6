"""Contains all the data models used in inputs/outputs"""

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
