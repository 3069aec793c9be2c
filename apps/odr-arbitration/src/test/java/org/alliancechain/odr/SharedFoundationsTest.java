package org.alliancechain.odr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.alliancechain.service.jobs.BackgroundJobs;
import org.alliancechain.service.numbering.YearlySequences;
import org.alliancechain.service.problem.ProblemException;
import org.alliancechain.testsupport.SuiteTestResource;
import org.junit.jupiter.api.Test;

/**
 * The shared helpers every vertical numbers and runs long work with (shared-service), against the
 * real PostgreSQL: yearly sequences under concurrent transactions, background jobs with progress.
 */
@QuarkusTest
@WithTestResource(value = SuiteTestResource.class, initArgs = @ResourceArg(name = "app", value = "odr-arbitration"))
class SharedFoundationsTest {

    @Inject
    YearlySequences sequences;

    @Inject
    BackgroundJobs jobs;

    @Test
    void yearlyNumbersAreUniqueAndConsecutiveUnderConcurrentTransactionsAndStartAgainEachYear() throws Exception {
        String scope = "test-" + UUID.randomUUID();
        var pool = Executors.newFixedThreadPool(8);
        var start = new CountDownLatch(1);
        var futures = new ArrayList<Future<Long>>();
        for (int i = 0; i < 200; i++) {
            Callable<Long> take = () -> {
                start.await();
                return QuarkusTransaction.requiringNew().call(() -> sequences.next("test.series", scope, 2026));
            };
            futures.add(pool.submit(take));
        }
        start.countDown();
        Set<Long> numbers = new TreeSet<>();
        for (var future : futures) {
            numbers.add(future.get());
        }
        pool.shutdown();
        assertThat(numbers).containsExactlyElementsOf(LongStream.rangeClosed(1, 200).boxed().collect(Collectors.toList()));

        // Another year, another scope and another series each count from 1.
        assertThat(QuarkusTransaction.requiringNew().call(() -> sequences.next("test.series", scope, 2027))).isEqualTo(1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> sequences.next("test.series", scope + "-b", 2026))).isEqualTo(1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> sequences.next("test.other", scope, 2026))).isEqualTo(1);

        // A step that rolls back gives its number back.
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            assertThat(sequences.next("test.series", scope, 2026)).isEqualTo(201);
            throw new IllegalStateException("the step failed");
        })).hasMessageContaining("the step failed");
        // A bulk step reserves a run of numbers at once.
        assertThat(QuarkusTransaction.requiringNew().call(() -> sequences.reserve("test.series", scope, 2026, 10))).isEqualTo(201);
        assertThat(QuarkusTransaction.requiringNew().call(() -> sequences.next("test.series", scope, 2026))).isEqualTo(211);
        // Outside a transaction there is no number to hand out.
        assertThatThrownBy(() -> sequences.next("test.series", scope, 2026)).isInstanceOf(jakarta.transaction.TransactionalException.class);
    }

    @Test
    @TestSecurity(user = "clerk.hz", roles = "clerk")
    void aJobReportsItsProgressKeepsItsResultAndAnswersOnlyForItsKindAndSubject() {
        var release = new CountDownLatch(1);
        String subject = UUID.randomUUID().toString();
        var started = jobs.start("test.job", subject, 4, progress -> {
            progress.accept(2);
            release.await();
            progress.accept(4);
            var file = Files.createTempFile("job-", ".txt");
            Files.writeString(file, "result");
            return file;
        });
        assertThat(started.total()).isEqualTo(4);
        await().pollInSameThread().atMost(Duration.ofSeconds(10)).until(() -> jobs.find("test.job", subject, started.id(), "Job").done() == 2);
        var halfway = jobs.find("test.job", subject, started.id(), "Job");
        assertThat(halfway.state()).isEqualTo(BackgroundJobs.State.RUNNING);
        assertThat(halfway.percent()).isEqualTo(50);
        // Starting again while it runs returns the same job; its result is not there yet (409).
        assertThat(jobs.start("test.job", subject, 4, progress -> null).id()).isEqualTo(started.id());
        assertThatThrownBy(() -> jobs.file("test.job", subject, started.id(), "Job"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status().getStatusCode()).isEqualTo(409));

        release.countDown();
        await().pollInSameThread().atMost(Duration.ofSeconds(10)).until(() -> jobs.find("test.job", subject, started.id(), "Job").state() == BackgroundJobs.State.READY);
        var done = jobs.find("test.job", subject, started.id(), "Job");
        assertThat(done.percent()).isEqualTo(100);
        assertThat(done.sizeBytes()).isEqualTo(6);
        assertThat(jobs.mine("test.job", subject)).extracting(BackgroundJobs.JobView::id).containsExactly(started.id());
        // Another subject or kind does not see it: 404.
        for (var wrong : new String[][] {{"test.job", "other"}, {"other.job", subject}}) {
            assertThatThrownBy(() -> jobs.find(wrong[0], wrong[1], started.id(), "Job"))
                    .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status().getStatusCode()).isEqualTo(404));
        }
    }

    @Test
    @TestSecurity(user = "clerk.hz", roles = "clerk")
    void aFailingJobSaysWhyAndCanBeStartedAgain() {
        String subject = UUID.randomUUID().toString();
        var failed = jobs.start("test.job", subject, 1, progress -> {
            throw new ProblemException(jakarta.ws.rs.core.Response.Status.CONFLICT, "row 3: the buyer's tax id is not valid");
        });
        await().pollInSameThread().atMost(Duration.ofSeconds(10)).until(() -> jobs.find("test.job", subject, failed.id(), "Job").state() == BackgroundJobs.State.FAILED);
        assertThat(jobs.find("test.job", subject, failed.id(), "Job").error()).isEqualTo("row 3: the buyer's tax id is not valid");
        assertThat(jobs.start("test.job", subject, 1, progress -> null).id()).isNotEqualTo(failed.id());
    }
}
