"""hirelink-personio: Personio's recruiting APIs as ``Personio`` and ``AsyncPersonio``.

>>> from hirelink.personio import Document, Personio
>>> with Personio(  # doctest: +SKIP
...     subdomain="acme", company_id=41737, recruiting_token="...", channel_id=531207,
...     client_id="papi-...", client_secret="...",
... ) as personio:
...     position = personio.list_job_positions(language="en")[0]
...     personio.create_application(
...         position.id, first_name="Lena", last_name="Vogt", email="lena@example.org",
...         documents=[Document("cv.pdf", type="cv")],
...     )
...     for application in personio.iter_applications(candidate_email="lena@example.org"):
...         print(application.id, application.created_at)  # an aware datetime

JSON results are the generated models of ``hirelink.api.personio.models`` (the main ones
are re-exported here); the XML feed's positions are this package's own
:class:`JobPosition` values; errors are ``hirelink.core`` exceptions.
"""

from typing import TYPE_CHECKING

from hirelink.api.personio.types import UNSET, Unset
from hirelink.core.lazy import reexport_lazily

from ._errors import REASONS, reason_codes
from ._operations import (
    ApplicationFilters,
    CandidateFilters,
    JobFilters,
    Language,
    NewApplication,
    PersonFilters,
    SystemPhaseName,
    WebhookAuth,
    WebhookChanges,
    WebhookSettings,
    next_cursor,
)
from .client import (
    DEFAULT_API_BASE_URL,
    DEFAULT_JOBS_BASE_URL,
    RECRUITING_REQUESTS_PER_WINDOW,
    RECRUITING_WINDOW,
    AsyncPersonio,
    Personio,
)
from .connection import ConnectionCheck
from .documents import (
    ALLOWED_EXTENSIONS,
    MAX_DOCUMENT_BYTES,
    Document,
    DocumentCategory,
    DocumentFile,
    uploaded_documents,
)
from .positions import (
    EmploymentType,
    JobDescription,
    JobPosition,
    SalaryInformation,
    Schedule,
    Seniority,
    YearsOfExperience,
    parse_job_feed,
)
from .stamps import to_datetime

if TYPE_CHECKING:
    __version__: str  # this distribution's installed version, read when first asked for
    from hirelink.api.personio.models import (
        Application,
        ApplicationList,
        ApplicationRequest,
        Candidate,
        CandidateList,
        Category,
        Job,
        JobList,
        ListPersonsStatus,
        LocalDateTime,
        Person,
        PersonList,
        Stage,
        StageTransition,
        SystemPhaseId,
        UploadedDocument,
        Webhook,
        WebhookEvent,
        WebhookEventList,
    )
else:
    # The re-exported models load when first asked for.
    __getattr__, __dir__ = reexport_lazily(
        globals(), "hirelink.api.personio.models", distribution="hirelink-personio"
    )

__all__ = [
    "ALLOWED_EXTENSIONS",
    "DEFAULT_API_BASE_URL",
    "DEFAULT_JOBS_BASE_URL",
    "MAX_DOCUMENT_BYTES",
    "REASONS",
    "RECRUITING_REQUESTS_PER_WINDOW",
    "RECRUITING_WINDOW",
    "UNSET",
    "Application",
    "ApplicationFilters",
    "ApplicationList",
    "ApplicationRequest",
    "AsyncPersonio",
    "Candidate",
    "CandidateFilters",
    "CandidateList",
    "Category",
    "ConnectionCheck",
    "Document",
    "DocumentCategory",
    "DocumentFile",
    "EmploymentType",
    "Job",
    "JobDescription",
    "JobFilters",
    "JobList",
    "JobPosition",
    "Language",
    "ListPersonsStatus",
    "LocalDateTime",
    "NewApplication",
    "Person",
    "PersonFilters",
    "PersonList",
    "Personio",
    "SalaryInformation",
    "Schedule",
    "Seniority",
    "Stage",
    "StageTransition",
    "SystemPhaseId",
    "SystemPhaseName",
    "Unset",
    "UploadedDocument",
    "Webhook",
    "WebhookAuth",
    "WebhookChanges",
    "WebhookEvent",
    "WebhookEventList",
    "WebhookSettings",
    "YearsOfExperience",
    "next_cursor",
    "parse_job_feed",
    "reason_codes",
    "to_datetime",
    "uploaded_documents",
]
