"""The preparation form's consent line (F3) and the citizen's erasure (F8, confirmed in a
dialog naming what goes): a mixin of `CaseScreen`, kept apart so the form stays one job."""

from __future__ import annotations

from functools import partial

from coordinator.i18n import _
from coordinator.screens.autosave import in_thread
from coordinator.store.consent import CONSENT_LABELS, ConsentView, consent_of_case, set_consent
from coordinator.widgets.plain import plain


class CasePrivacy:
    """Needs the screen's `store`, `case_id`, `saver`, `app`, `notify` and `query_one`."""

    _consent: ConsentView | None = None

    # -- consent and erasure (store/consent.py, store/erasure.py) ---------------------------

    def show_consent(self, consent: ConsentView) -> None:
        self._consent = consent
        line = plain(_(CONSENT_LABELS[consent.state]), "" if consent.state == "given" else "bold")
        if consent.given_on:
            line.append("  " + _("given {date}").format(date=consent.given_on.isoformat()))
        if consent.withdrawn_on:
            line.append("  " + _("withdrawn {date}").format(date=consent.withdrawn_on.isoformat()))
        if consent.scope:
            line.append(f"  · {consent.scope}")
        line.append("  (F3)", "dim")
        self.query_one("#case-consent").update(line)

    def action_consent(self) -> None:
        from coordinator.screens.privacy_dialogs import ConsentDialog, ConsentInput

        current = getattr(self, "_consent", None)
        if current is None:
            return
        store, case_id = self.store, self.case_id

        def done(data: ConsentInput | None) -> None:
            if data is None:
                return
            job = partial(set_consent, store, case_id, data.given_on, data.scope, data.withdrawn_on)
            in_thread(self, job, lambda view: self.show_consent(view), group="consent")  # type: ignore[arg-type]

        self.app.push_screen(ConsentDialog(current), done)

    def action_erase_citizen(self) -> None:
        from coordinator.screens.privacy_dialogs import EraseDialog
        from coordinator.store import erasure

        store, case_id = self.store, self.case_id

        def citizen_of() -> object:
            return erasure.preview(store, consent_of_case(store, case_id).citizen_id)

        def ask(preview: object) -> None:
            assert isinstance(preview, erasure.ErasurePreview)

            def answered(yes: bool | None) -> None:
                if not yes:
                    return
                saver = self.saver
                self.query_one("#form").disabled = True  # nothing typed after this is kept

                def job() -> object:
                    if saver is not None:
                        saver.flush()  # typing still pending must not outlive the erasure
                    return erasure.erase(store, preview.citizen_id, confirmed_today=True)

                in_thread(self, job, self._erased, group="erase")

            self.app.push_screen(EraseDialog(preview), answered)

        in_thread(self, citizen_of, ask, group="erase")

    def _erased(self, _result: object) -> None:
        self.notify(_("The citizen's personal data is erased."))
        self.app.pop_screen()
