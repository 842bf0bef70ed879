// SKP workflow (docs/domain/skp.md § Workflow): DRAFT → DIAJUKAN → DISETUJUI; DIAJUKAN → DIKEMBALIKAN (with a
// reason) → edited → DIAJUKAN again. A change after approval opens a new revision that needs
// approval again; the approved version stays readable.

export type StatusSkp = 'DRAFT' | 'DIAJUKAN' | 'DIKEMBALIKAN' | 'DISETUJUI';
export type SkpAction = 'edit' | 'submit' | 'approve' | 'return';

export type Transition = { status: StatusSkp; newRevision: boolean } | { error: string };

export function applySkpAction(status: StatusSkp, action: SkpAction): Transition {
  switch (action) {
    case 'edit':
      if (status === 'DIAJUKAN') return { error: 'skp.err.waitingApproval' };
      if (status === 'DISETUJUI') return { status: 'DRAFT', newRevision: true };
      return { status, newRevision: false };
    case 'submit':
      if (status === 'DRAFT' || status === 'DIKEMBALIKAN') return { status: 'DIAJUKAN', newRevision: false };
      return { error: status === 'DIAJUKAN' ? 'skp.err.alreadySubmitted' : 'skp.err.alreadyApproved' };
    case 'approve':
    case 'return':
      if (status !== 'DIAJUKAN') return { error: 'skp.err.notSubmitted' };
      return { status: action === 'approve' ? 'DISETUJUI' : 'DIKEMBALIKAN', newRevision: false };
  }
}
