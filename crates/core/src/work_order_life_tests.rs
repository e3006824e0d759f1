use super::*;

/// 2026-11-28 12:00 UTC, 09:00 in São Paulo.
const NOW: i64 = 1_795_867_200_000;
const SAO_PAULO: i32 = -180;

fn status(n: u128, stage: WorkOrderStage) -> StatusTarget {
    StatusTarget {
        id: Uuid::from_u128(n),
        name: stage.label().to_owned(),
        stage,
        active: true,
    }
}

fn at(stage: WorkOrderStage, started_at: Option<i64>) -> VisitLife {
    VisitLife {
        status_id: Uuid::from_u128(stage as u128 + 1),
        status_name: stage.label().to_owned(),
        stage,
        started_at,
    }
}

fn form(status_id: u128) -> StatusForm {
    StatusForm {
        work_order_id: Uuid::from_u128(99),
        changed_at: 1,
        status_id: Some(Uuid::from_u128(status_id)),
        started_at: "28/11/2026 08:00".into(),
        finished_at: "28/11/2026 08:45".into(),
        outcome: Some(VisitOutcome::ResolvedOnSite),
        report: "  Troca do conector.  ".into(),
        resolve_ticket: false,
    }
}

fn fields_of(result: Result<StatusChange, Vec<FieldError>>) -> Vec<String> {
    result
        .expect_err("refused")
        .into_iter()
        .map(|error| error.field)
        .collect()
}

#[test]
fn codes_and_labels_read_back() {
    for stage in WorkOrderStage::ALL {
        assert_eq!(WorkOrderStage::from_code(stage.code()), Some(stage));
    }
    for outcome in VisitOutcome::ALL {
        assert_eq!(VisitOutcome::from_code(outcome.code()), Some(outcome));
    }
    assert!(WorkOrderStage::Done.is_final() && WorkOrderStage::Cancelled.is_final());
    assert!(!WorkOrderStage::Open.is_final() && !WorkOrderStage::InProgress.is_final());
    assert_eq!(WorkOrderStage::InProgress.label(), "Em execução");
}

#[test]
fn starting_takes_the_actual_start_in_local_time() {
    let mut typed = form(2);
    typed.finished_at = "nonsense, ignored".into();
    let change = typed
        .check(
            &at(WorkOrderStage::Open, None),
            Some(&status(2, WorkOrderStage::InProgress)),
            NOW,
            SAO_PAULO,
        )
        .expect("started");
    assert_eq!(change.started_at, Some(NOW - 60 * MINUTE));
    assert_eq!(change.finished_at, None);
    assert_eq!(change.outcome, None);
    assert_eq!(change.report, "Troca do conector.");
}

#[test]
fn finishing_needs_times_in_order_a_report_and_an_outcome() {
    let current = at(WorkOrderStage::InProgress, Some(NOW - 60 * MINUTE));
    let done = status(3, WorkOrderStage::Done);
    let change = form(3)
        .check(&current, Some(&done), NOW, SAO_PAULO)
        .expect("done");
    assert_eq!(change.finished_at, Some(NOW - 15 * MINUTE));
    assert_eq!(change.outcome, Some(VisitOutcome::ResolvedOnSite));

    let mut typed = form(3);
    typed.report = "   ".into();
    typed.outcome = None;
    typed.finished_at = "28/11/2026 07:00".into();
    assert_eq!(
        fields_of(typed.check(&current, Some(&done), NOW, SAO_PAULO)),
        [fields::FINISHED, fields::REPORT, fields::OUTCOME]
    );

    let mut typed = form(3);
    typed.finished_at = "28/11/2026 10:00".into();
    typed.started_at = "2026-11-28 08:00".into();
    let errors = typed
        .check(&current, Some(&done), NOW, SAO_PAULO)
        .expect_err("refused");
    assert_eq!(errors[0].field, fields::STARTED);
    assert_eq!(
        errors[0].message,
        "O início real deve estar no formato dd/mm/aaaa hh:mm."
    );
    assert_eq!(errors[1].message, "O fim real não pode estar no futuro.");

    let mut typed = form(3);
    typed.report = "x".repeat(MAX_REPORT_CHARS + 1);
    assert_eq!(
        fields_of(typed.check(&current, Some(&done), NOW, SAO_PAULO)),
        [fields::REPORT]
    );
}

#[test]
fn a_time_a_few_minutes_ahead_is_tolerated() {
    let mut typed = form(3);
    typed.finished_at = "28/11/2026 09:04".into();
    assert!(typed
        .check(
            &at(WorkOrderStage::Open, None),
            Some(&status(3, WorkOrderStage::Done)),
            NOW,
            SAO_PAULO
        )
        .is_ok());
}

#[test]
fn cancelling_needs_a_reason_and_cannot_resolve() {
    let cancelled = status(4, WorkOrderStage::Cancelled);
    let mut typed = form(4);
    typed.report = String::new();
    typed.resolve_ticket = true;
    let errors = typed
        .check(
            &at(WorkOrderStage::Open, None),
            Some(&cancelled),
            NOW,
            SAO_PAULO,
        )
        .expect_err("refused");
    assert_eq!(errors[0].field, fields::REPORT);
    assert_eq!(
        errors[0].message,
        "Preencha o motivo do cancelamento no relatório."
    );
    assert_eq!(errors[1].field, fields::RESOLVE);

    let mut typed = form(4);
    typed.started_at = String::new();
    let change = typed
        .check(
            &at(WorkOrderStage::InProgress, Some(NOW - MINUTE)),
            Some(&cancelled),
            NOW,
            SAO_PAULO,
        )
        .expect("cancelled");
    assert_eq!(change.started_at, Some(NOW - MINUTE), "the start is kept");
    assert_eq!((change.finished_at, change.outcome), (None, None));
}

#[test]
fn final_visits_do_not_change_and_visits_do_not_go_back() {
    for stage in [WorkOrderStage::Done, WorkOrderStage::Cancelled] {
        let errors = form(2)
            .check(
                &at(stage, Some(NOW)),
                Some(&status(2, WorkOrderStage::InProgress)),
                NOW,
                SAO_PAULO,
            )
            .expect_err("refused");
        assert_eq!(errors.len(), 1);
        assert!(errors[0].message.contains("não pode mais ser alterada"));
    }
    let current = at(WorkOrderStage::InProgress, Some(NOW));
    assert_eq!(
        fields_of(form(7).check(
            &current,
            Some(&status(7, WorkOrderStage::Open)),
            NOW,
            SAO_PAULO
        )),
        [fields::STATUS]
    );
    let same = status(current.status_id.as_u128(), WorkOrderStage::InProgress);
    assert_eq!(
        fields_of(form(2).check(&current, Some(&same), NOW, SAO_PAULO)),
        [fields::STATUS]
    );
    let mut gone = status(8, WorkOrderStage::Done);
    gone.active = false;
    assert_eq!(
        fields_of(form(8).check(&current, Some(&gone), NOW, SAO_PAULO)),
        [fields::STATUS]
    );
    assert_eq!(
        fields_of(form(8).check(&current, None, NOW, SAO_PAULO)),
        [fields::STATUS]
    );
}

#[test]
fn resolving_comes_with_done() {
    let mut typed = form(3);
    typed.resolve_ticket = true;
    let change = typed
        .check(
            &at(WorkOrderStage::Open, None),
            Some(&status(3, WorkOrderStage::Done)),
            NOW,
            SAO_PAULO,
        )
        .expect("done");
    assert!(change.resolve_ticket);
}
