"""Contains all the data models used in inputs/outputs"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

_MODULE_OF = {
    "Error": ".error",
    "ErrorErrors": ".error_errors",
    "NewReport": ".new_report",
    "NewReportProperties": ".new_report_properties",
    "Partner": ".partner",
    "PartnerFields": ".partner_fields",
    "PartnerFieldsOptions": ".partner_fields_options",
    "PartnerInput": ".partner_input",
    "PartnerInputFields": ".partner_input_fields",
    "PartnerInputKind": ".partner_input_kind",
    "PartnerKind": ".partner_kind",
    "PartnerOptions": ".partner_options",
    "PartnerSecret": ".partner_secret",
    "PartnerUrls": ".partner_urls",
    "PartnerUrlsInput": ".partner_urls_input",
    "Report": ".report",
    "ReportChanges": ".report_changes",
    "ReportChangesProperties": ".report_changes_properties",
    "ReportStatus": ".report_status",
    "ReportUrls": ".report_urls",
    "ReportUrlsInput": ".report_urls_input",
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
