import { useState } from "react";
import { FluentProvider, makeStyles, SelectTabData, Tab, TabList, tokens } from "@fluentui/react-components";
import { fluentThemeFor } from "./host";
import { ServicesContext, Services } from "./services";
import { ReviewView } from "./views/ReviewView";
import { GenerateView } from "./views/GenerateView";
import { RatesView } from "./views/RatesView";
import { SettingsView } from "./views/SettingsView";
import { AccountView } from "./views/AccountView";
import { PaymentsView } from "./views/PaymentsView";
import { ImpactView } from "./impact/ImpactView";
import { CounterProvider } from "./account/counter";

export type ViewName = "review" | "generate" | "account" | "payments" | "rates" | "impact" | "settings";

const VIEWS: { name: ViewName; label: string }[] = [
  { name: "review", label: "Review" },
  { name: "generate", label: "Generate" },
  { name: "account", label: "Account" },
  { name: "payments", label: "Payments" },
  { name: "rates", label: "Rates" },
  { name: "impact", label: "Impact" },
  { name: "settings", label: "Settings" },
];

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground1 },
  // Seven tabs fit beside Excel's scrollbar in its narrowest pane (320 px less 17): they wrap rather than scroll.
  tabs: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, paddingLeft: tokens.spacingHorizontalXS, flexWrap: "wrap" },
  panel: { padding: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

const isView = (name: string | undefined): name is ViewName => VIEWS.some((v) => v.name === name);

/**
 * The task pane shell: one tab per view, each view in its own panel. It opens on the work (Review),
 * or on the view it showed last in this workbook.
 */
export function App({ services, initialView }: { services: Services; initialView?: ViewName }) {
  const styles = useStyles();
  const [view, setView] = useState<ViewName>(() => {
    const last = services.lastView?.load();
    return initialView ?? (isView(last) ? last : "review");
  });
  const show = (next: ViewName) => {
    setView(next);
    services.lastView?.save(next);
  };
  return (
    <FluentProvider theme={fluentThemeFor(services.host ?? { canDownload: true })}>
      <ServicesContext.Provider value={services}>
        <CounterProvider>
          <div className={styles.root}>
            <TabList
              className={styles.tabs}
              selectedValue={view}
              onTabSelect={(_, d: SelectTabData) => show(d.value as ViewName)}
              aria-label="UB Workbench views"
            >
              {VIEWS.map((v) => (
                <Tab key={v.name} value={v.name} id={`tab-${v.name}`} aria-controls={`panel-${v.name}`}>
                  {v.label}
                </Tab>
              ))}
            </TabList>
            <main className={styles.panel} role="tabpanel" id={`panel-${view}`} aria-labelledby={`tab-${view}`}>
              {view === "account" && <AccountView />}
              {view === "payments" && <PaymentsView />}
              {view === "review" && <ReviewView />}
              {view === "generate" && <GenerateView />}
              {view === "rates" && <RatesView />}
              {view === "impact" && <ImpactView />}
              {view === "settings" && <SettingsView />}
            </main>
          </div>
        </CounterProvider>
      </ServicesContext.Provider>
    </FluentProvider>
  );
}
