"""Contains all the data models used in inputs/outputs"""

from .error import Error
from .error_errors import ErrorErrors
from .new_report import NewReport
from .new_report_properties import NewReportProperties
from .partner import Partner
from .partner_fields import PartnerFields
from .partner_fields_options import PartnerFieldsOptions
from .partner_input import PartnerInput
from .partner_input_fields import PartnerInputFields
from .partner_input_kind import PartnerInputKind
from .partner_kind import PartnerKind
from .partner_options import PartnerOptions
from .partner_secret import PartnerSecret
from .partner_urls import PartnerUrls
from .partner_urls_input import PartnerUrlsInput
from .report import Report
from .report_changes import ReportChanges
from .report_changes_properties import ReportChangesProperties
from .report_status import ReportStatus
from .report_urls import ReportUrls
from .report_urls_input import ReportUrlsInput

__all__ = (
    "Error",
    "ErrorErrors",
    "NewReport",
    "NewReportProperties",
    "Partner",
    "PartnerFields",
    "PartnerFieldsOptions",
    "PartnerInput",
    "PartnerInputFields",
    "PartnerInputKind",
    "PartnerKind",
    "PartnerOptions",
    "PartnerSecret",
    "PartnerUrls",
    "PartnerUrlsInput",
    "Report",
    "ReportChanges",
    "ReportChangesProperties",
    "ReportStatus",
    "ReportUrls",
    "ReportUrlsInput",
)
