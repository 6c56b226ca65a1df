"""LLVM IR groups (kind `llvm-ir`): the paper's GEPO data, with validity and inequivalence
proven by the LLVM verifier and by execution. Entry point: `make_llvm_groups`."""

from irgroups.llvm.schema import LLVM_GROUPS, LLVM_MEMBER
from irgroups.llvm.stage import KIND, LLVMConfig, make_llvm_groups, reexecute

__all__ = ["KIND", "LLVM_GROUPS", "LLVM_MEMBER", "LLVMConfig", "make_llvm_groups", "reexecute"]
