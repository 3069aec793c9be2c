package org.alliancechain.odr.cases;

import org.alliancechain.service.problem.ProblemException;

/** A step taken from the case page was refused: the case page shows it again with the reason and the refusal's status. */
public class CaseActionRefused extends RuntimeException {

    private final long caseId;
    private final ProblemException problem;

    public CaseActionRefused(long caseId, ProblemException problem) {
        super(problem.getMessage(), problem, false, false);
        this.caseId = caseId;
        this.problem = problem;
    }

    public long caseId() {
        return caseId;
    }

    public ProblemException problem() {
        return problem;
    }
}
