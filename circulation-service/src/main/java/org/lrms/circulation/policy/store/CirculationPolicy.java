package org.lrms.circulation.policy.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.lrms.circulation.policy.LoanPeriod;
import org.lrms.circulation.policy.NoticeStage;
import org.lrms.circulation.policy.PolicyRule;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A stored row of the policy matrix. */
@Entity
@Table(name = "circulation_policy")
public class CirculationPolicy extends PanacheEntityBase {

    public static final UUID DISTRICT_DEFAULT = UUID.fromString("00000000-0000-0000-0000-000000000001");

    @Id
    public UUID id;

    @Column(name = "site_code")
    public String siteCode;

    @Column(name = "patron_type")
    public String patronType;

    @Column(name = "circulation_type")
    public String circulationType;

    @Column(name = "loan_days")
    public Integer loanDays;

    @Column(name = "loan_hours")
    public Integer loanHours;

    @Column(name = "fixed_due_date")
    public LocalDate fixedDueDate;

    @Column(name = "max_items")
    public int maxItems;

    @Column(name = "renewals_allowed")
    public int renewalsAllowed;

    @Column(name = "grace_days")
    public int graceDays;

    @Column(name = "fine_per_day")
    public BigDecimal finePerDay;

    @Column(name = "max_fine")
    public BigDecimal maxFine;

    @Column(name = "lost_after_days")
    public int lostAfterDays;

    @Column(name = "processing_fee")
    public BigDecimal processingFee;

    @Column(name = "holds_allowed")
    public boolean holdsAllowed;

    @Column(name = "hold_shelf_days")
    public int holdShelfDays;

    @Column(name = "notice_stage1_days")
    public int noticeStage1Days = 1;

    @Column(name = "notice_stage1_blocks")
    public boolean noticeStage1Blocks;

    @Column(name = "notice_stage2_days")
    public Integer noticeStage2Days;

    @Column(name = "notice_stage2_blocks")
    public boolean noticeStage2Blocks;

    @Column(name = "notice_stage3_days")
    public Integer noticeStage3Days;

    @Column(name = "notice_stage3_blocks")
    public boolean noticeStage3Blocks;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;

    @Version
    public int version;

    public PolicyRule toRule() {
        return new PolicyRule(id, siteCode, patronType, circulationType,
                new LoanPeriod(loanDays, loanHours, fixedDueDate), maxItems, renewalsAllowed, graceDays, finePerDay,
                maxFine, lostAfterDays, processingFee, holdsAllowed, holdShelfDays, noticeStages());
    }

    public List<NoticeStage> noticeStages() {
        List<NoticeStage> stages = new ArrayList<>();
        stages.add(new NoticeStage(noticeStage1Days, noticeStage1Blocks));
        if (noticeStage2Days != null) {
            stages.add(new NoticeStage(noticeStage2Days, noticeStage2Blocks));
            if (noticeStage3Days != null) {
                stages.add(new NoticeStage(noticeStage3Days, noticeStage3Blocks));
            }
        }
        return List.copyOf(stages);
    }

    /** Stores one to three stages (validated by the rule before). */
    public void noticeStages(List<NoticeStage> stages) {
        noticeStage1Days = stages.get(0).afterDays();
        noticeStage1Blocks = stages.get(0).blocks();
        noticeStage2Days = stages.size() > 1 ? stages.get(1).afterDays() : null;
        noticeStage2Blocks = stages.size() > 1 && stages.get(1).blocks();
        noticeStage3Days = stages.size() > 2 ? stages.get(2).afterDays() : null;
        noticeStage3Blocks = stages.size() > 2 && stages.get(2).blocks();
    }
}
