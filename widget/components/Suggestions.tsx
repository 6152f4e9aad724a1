interface Props {
  label: string
  questions: string[]
  onAsk(question: string): void
}

/** Questions offered as buttons: before the first question, and when one could not be answered. */
export function Suggestions({ label, questions, onAsk }: Props) {
  return (
    <div class="suggestions" role="group" aria-label={label}>
      <p aria-hidden="true">{label}</p>
      {/* A fixed list, so no keys: position is identity. Questions for the English knowledge base are English. */}
      {questions.map((q) => (
        <button type="button" class="suggestion" lang="en" onClick={() => onAsk(q)}>
          {q}
        </button>
      ))}
    </div>
  )
}
