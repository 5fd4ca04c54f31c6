"""hirelink-recruitee: the Recruitee ATS API as ``Recruitee`` and ``AsyncRecruitee``.

>>> from hirelink.recruitee import Recruitee
>>> with Recruitee(company_id=4100, token="...") as recruitee:  # doctest: +SKIP
...     for candidate in recruitee.iter_candidates(created_after=yesterday):
...         print(candidate.name)

Results are the generated models of ``hirelink.api.recruitee.models`` (re-exported here
for convenience); errors are ``hirelink.core`` exceptions.
"""

from typing import TYPE_CHECKING

from hirelink.api.recruitee.types import UNSET, Unset
from hirelink.core.checks import ConnectionCheck
from hirelink.core.lazy import reexport_lazily

from ._operations import (
    DEFAULT_BASE_URL,
    RC_BASE_URL,
    CandidateFilters,
    CandidateProfile,
    NewCandidate,
)
from .client import AsyncRecruitee, Recruitee

if TYPE_CHECKING:
    __version__: str  # this distribution's installed version, read when first asked for
    from hirelink.api.recruitee.models import (
        AdminReference,
        Attachment,
        Candidate,
        CandidateField,
        CandidateList,
        CandidateListItem,
        DisqualifyReason,
        ListCandidatesSort,
        ListOffersKind,
        ListOffersScope,
        ListOffersViewMode,
        Note,
        NoteVisibilityInputLevel,
        Offer,
        OfferReference,
        PipelineStage,
        PipelineTemplate,
        Placement,
        StageReference,
        Task,
        UnknownReference,
    )
else:
    # The re-exported models load when first asked for.
    __getattr__, __dir__ = reexport_lazily(
        globals(), "hirelink.api.recruitee.models", distribution="hirelink-recruitee"
    )

__all__ = [
    "DEFAULT_BASE_URL",
    "RC_BASE_URL",
    "UNSET",
    "AdminReference",
    "AsyncRecruitee",
    "Attachment",
    "Candidate",
    "CandidateField",
    "CandidateFilters",
    "CandidateList",
    "CandidateListItem",
    "CandidateProfile",
    "ConnectionCheck",
    "DisqualifyReason",
    "ListCandidatesSort",
    "ListOffersKind",
    "ListOffersScope",
    "ListOffersViewMode",
    "NewCandidate",
    "Note",
    "NoteVisibilityInputLevel",
    "Offer",
    "OfferReference",
    "PipelineStage",
    "PipelineTemplate",
    "Placement",
    "Recruitee",
    "StageReference",
    "Task",
    "UnknownReference",
    "Unset",
]
