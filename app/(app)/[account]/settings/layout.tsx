// The settings pages of an account: the "Edit User Settings" heading and tabs, once.
import { SettingsHeader } from "@/components/app/settings-header";

export default function SettingsLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <SettingsHeader />
      {children}
    </>
  );
}
