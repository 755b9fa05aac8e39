import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { FakeExcel } from "../../src/fakes/fakeExcel";
import { fluentThemeFor, readHost } from "../../src/taskpane/host";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";

/** Office's theme body colours (learn.microsoft.com, "Use Office themes in your add-in"). */
const THEMES = [
  { name: "Dark Gray", body: "#262626", dark: true },
  { name: "Black", body: "#1f1f1f", dark: true },
  { name: "White", body: "#ffffff", dark: false },
  { name: "Colorful", body: "#e6e6e6", dark: false },
];

describe("fluentThemeFor", () => {
  it.each(THEMES)("gives the $name Office theme Fluent's matching theme", ({ body, dark }) => {
    expect(fluentThemeFor({ canDownload: true, themeBackground: body })).toBe(dark ? webDarkTheme : webLightTheme);
  });

  it("stays light when the host gives no theme", () => {
    expect(fluentThemeFor({ canDownload: true })).toBe(webLightTheme);
  });
});

describe("readHost", () => {
  it("reads Office for Mac as a host that cannot download, with its dark theme", () => {
    const fake = new FakeExcel(new MemoryWorkbook(), {
      platform: "Mac",
      theme: {
        bodyBackgroundColor: "#1f1f1f",
        bodyForegroundColor: "#ffffff",
        controlBackgroundColor: "#2b2b2b",
        controlForegroundColor: "#ffffff",
      },
    });
    const uninstall = fake.install();
    try {
      expect(readHost()).toEqual({ canDownload: false, themeBackground: "#1f1f1f" });
    } finally {
      uninstall();
    }
  });

  it("reads Excel on the web as a host that downloads", () => {
    const uninstall = new FakeExcel(new MemoryWorkbook()).install();
    try {
      expect(readHost()).toEqual({ canDownload: true, themeBackground: undefined });
    } finally {
      uninstall();
    }
  });
});
