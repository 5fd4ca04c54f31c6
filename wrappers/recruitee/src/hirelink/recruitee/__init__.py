"""hirelink-recruitee: the Recruitee ATS API as ``Recruitee`` and ``AsyncRecruitee``.

>>> from hirelink.recruitee import Recruitee
>>> with Recruitee(company_id=4100, token="...") as recruitee:  # doctest: +SKIP
...     for candidate in recruitee.iter_candidates(created_after=yesterday):
...         print(candidate.name)

Results are the generated models of ``hirelink.api.recruitee.models``, re-exported here for
convenience with every model a result holds (``OfferSalary``, ``NoteVisibility``, ...) and
the values parameters take (``OfferKind``, ``NoteVisibilityLevel``, ...); errors are
``hirelink.core`` exceptions.
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
    CandidateSearch,
    NewCandidate,
    NoteVisibilityLevel,
    OfferKind,
    OfferScope,
    OfferViewMode,
)
from .client import AsyncRecruitee, Recruitee

if TYPE_CHECKING:
    __version__: str  # this distribution's installed version, read when first asked for
    from hirelink.api.recruitee.models import (
        AdminReference,
        Attachment,
        Candidate,
        CandidateField,
        CandidateFieldValuesItem,
        CandidateFieldVisibility,
        CandidateList,
        CandidateListItem,
        CandidateListItemRatings,
        CandidateOnlineDataType0,
        CandidateSearchResult,
        CandidateSourcingDataType0,
        CandidateSourcingOriginType0,
        Department,
        DepartmentGroupedTranslations,
        DisqualifyReason,
        ListCandidatesSort,
        ListOffersKind,
        ListOffersScope,
        ListOffersViewMode,
        Note,
        NoteVisibility,
        NoteVisibilityInputLevel,
        Offer,
        OfferEnabledLanguagesItem,
        OfferReference,
        OfferSalary,
        PipelineStage,
        PipelineTemplate,
        Placement,
        PlacementRatings,
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
    "CandidateFieldValuesItem",
    "CandidateFieldVisibility",
    "CandidateFilters",
    "CandidateList",
    "CandidateListItem",
    "CandidateListItemRatings",
    "CandidateOnlineDataType0",
    "CandidateProfile",
    "CandidateSearch",
    "CandidateSearchResult",
    "CandidateSourcingDataType0",
    "CandidateSourcingOriginType0",
    "ConnectionCheck",
    "Department",
    "DepartmentGroupedTranslations",
    "DisqualifyReason",
    "ListCandidatesSort",
    "ListOffersKind",
    "ListOffersScope",
    "ListOffersViewMode",
    "NewCandidate",
    "Note",
    "NoteVisibility",
    "NoteVisibilityInputLevel",
    "NoteVisibilityLevel",
    "Offer",
    "OfferEnabledLanguagesItem",
    "OfferKind",
    "OfferReference",
    "OfferSalary",
    "OfferScope",
    "OfferViewMode",
    "PipelineStage",
    "PipelineTemplate",
    "Placement",
    "PlacementRatings",
    "Recruitee",
    "StageReference",
    "Task",
    "UnknownReference",
    "Unset",
]
