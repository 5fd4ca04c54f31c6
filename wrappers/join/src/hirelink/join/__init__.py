"""hirelink-join: JOIN's API v2 (join.com) as ``Join`` and ``AsyncJoin``.

>>> from hirelink.join import Document, Join
>>> with Join(token="...") as join:  # doctest: +SKIP
...     for application in join.iter_applications(updated_after=yesterday):
...         print(application.id, application.candidate.email)
...     join.create_application(
...         8812345, first_name="Lena", last_name="Vogt", email="lena@example.org",
...         documents=[Document("cv.pdf", type="CV")],
...     )

Results are the generated models of ``hirelink.api.join.models`` (the main ones are
re-exported here); errors are ``hirelink.core`` exceptions.
"""

from typing import TYPE_CHECKING

from hirelink.api.join.types import UNSET, Unset
from hirelink.core.checks import ConnectionCheck
from hirelink.core.lazy import reexport_lazily

from ._operations import (
    DEFAULT_BASE_URL,
    MAX_PAGE_SIZE,
    TRUSTED_HOSTS,
    ApplicationFilters,
    HiringState,
    OfficeFilters,
    Source,
)
from .client import AsyncJoin, Join, refine_join_error
from .documents import MAX_DOCUMENT_BYTES, Document, DownloadedFile

if TYPE_CHECKING:
    __version__: str  # this distribution's installed version, read when first asked for
    from hirelink.api.join.models import (
        Application,
        ApplicationCreated,
        ApplicationJob,
        ApplicationSource,
        ApplicationSourceInfo,
        Attachment,
        Candidate,
        Category,
        DocumentType,
        EmploymentType,
        HiringStateFilter,
        Job,
        JobContact,
        Note,
        Office,
        Salary,
        SeniorityLevel,
        SubCategory,
    )
else:
    # The re-exported models load when first asked for.
    __getattr__, __dir__ = reexport_lazily(
        globals(), "hirelink.api.join.models", distribution="hirelink-join"
    )

__all__ = [
    "DEFAULT_BASE_URL",
    "MAX_DOCUMENT_BYTES",
    "MAX_PAGE_SIZE",
    "TRUSTED_HOSTS",
    "UNSET",
    "Application",
    "ApplicationCreated",
    "ApplicationFilters",
    "ApplicationJob",
    "ApplicationSource",
    "ApplicationSourceInfo",
    "AsyncJoin",
    "Attachment",
    "Candidate",
    "Category",
    "ConnectionCheck",
    "Document",
    "DocumentType",
    "DownloadedFile",
    "EmploymentType",
    "HiringState",
    "HiringStateFilter",
    "Job",
    "JobContact",
    "Join",
    "Note",
    "Office",
    "OfficeFilters",
    "Salary",
    "SeniorityLevel",
    "Source",
    "SubCategory",
    "Unset",
    "refine_join_error",
]
