"use client";
// One polite status line for the outcome of actions (success or the failure's message).
import { createContext, useContext, useState } from "react";

type Feedback = { kind: "success" | "error"; text: string };
const FeedbackContext = createContext<(f: Feedback) => void>(() => {});

export function useFeedback() {
  return useContext(FeedbackContext);
}

export function FeedbackProvider({ children }: { children: React.ReactNode }) {
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  return (
    <FeedbackContext.Provider value={setFeedback}>
      <div role="status" aria-live="polite" className="min-h-6">
        {feedback && (
          <p className={`mb-3 rounded-md px-3 py-2 text-sm ${feedback.kind === "success" ? "bg-green-50 dark:bg-green-950 text-green-900 dark:text-green-200" : "bg-red-50 dark:bg-red-950 text-red-900 dark:text-red-300"}`}>
            {feedback.text}
          </p>
        )}
      </div>
      {children}
    </FeedbackContext.Provider>
  );
}
