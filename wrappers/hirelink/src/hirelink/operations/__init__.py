"""The operations catalog: every integration operation of every provider, run the same way.

>>> from hirelink.operations import invoke
>>> invoke("recruitee.list_candidates", {"company_id": 4100, "token": "..."}, {"limit": 5})
... # doctest: +SKIP

Each operation has a stable id (``recruitee.list_candidates``), the workflow title used
by integration guides ("List Candidates"), a summary, the provider and credential it
needs, and JSON Schemas of its inputs and output derived from the wrapper and the
generated models. Inputs are validated (every bad field at once) before any request.
"""

from .registry import (
    CATALOG,
    Catalog,
    CredentialField,
    FieldProblem,
    InputValidationError,
    Operation,
    Provider,
    SecretHandler,
    UnknownOperationError,
    ainvoke,
    ainvoke_all,
    invoke,
    invoke_all,
    load_providers,
)

__all__ = [
    "CATALOG",
    "Catalog",
    "CredentialField",
    "FieldProblem",
    "InputValidationError",
    "Operation",
    "Provider",
    "SecretHandler",
    "UnknownOperationError",
    "ainvoke",
    "ainvoke_all",
    "invoke",
    "invoke_all",
    "load_providers",
]
