"""hirelink-recruitee-partners: build a Recruitee marketplace integration.

Two directions:

- the partner calls Recruitee with :class:`RecruiteePartners` (or
  :class:`AsyncRecruiteePartners`): manage the partner record on RC, report results;
- Recruitee calls the partner: :mod:`hirelink.recruitee_partners.service` turns three
  callbacks into the ASGI app that answers ``validate_token``, ``tests`` and
  ``send_candidate``.

>>> from hirelink.recruitee_partners import RecruiteePartners
>>> partners = RecruiteePartners(codename="skillcheck", partner_secret="...")  # doctest: +SKIP
>>> with partners:  # doctest: +SKIP
...     partners.update_report(report_id, status="completed", score="82%")

Results are the generated models of ``hirelink.api.recruitee_partners.models`` (the main
ones are re-exported here); errors are ``hirelink.core`` exceptions.
"""

from typing import TYPE_CHECKING

from hirelink.api.recruitee_partners.types import UNSET, Unset
from hirelink.core.checks import ConnectionCheck
from hirelink.core.lazy import reexport_lazily

from ._operations import (
    Environment,
    InputField,
    InputKindName,
    KindName,
    PartnerChanges,
    PartnerDetails,
    ReportFields,
    ServiceUrls,
    StatusName,
)
from .client import (
    BASE_URLS,
    PARTNER_SECRET_HEADER,
    PRODUCTION_BASE_URL,
    RC_BASE_URL,
    AsyncRecruiteePartners,
    RecruiteePartners,
)

if TYPE_CHECKING:
    __version__: str  # this distribution's installed version, read when first asked for
    from hirelink.api.recruitee_partners.models import (
        Partner,
        PartnerInput,
        PartnerInputKind,
        PartnerKind,
        PartnerUrls,
        Report,
        ReportStatus,
        ReportUrls,
    )
else:
    # The re-exported models load when first asked for.
    __getattr__, __dir__ = reexport_lazily(
        globals(),
        "hirelink.api.recruitee_partners.models",
        distribution="hirelink-recruitee-partners",
    )

__all__ = [
    "BASE_URLS",
    "PARTNER_SECRET_HEADER",
    "PRODUCTION_BASE_URL",
    "RC_BASE_URL",
    "UNSET",
    "AsyncRecruiteePartners",
    "ConnectionCheck",
    "Environment",
    "InputField",
    "InputKindName",
    "KindName",
    "Partner",
    "PartnerChanges",
    "PartnerDetails",
    "PartnerInput",
    "PartnerInputKind",
    "PartnerKind",
    "PartnerUrls",
    "RecruiteePartners",
    "Report",
    "ReportFields",
    "ReportStatus",
    "ReportUrls",
    "ServiceUrls",
    "StatusName",
    "Unset",
]
