import { Component } from 'preact'

interface Props {
  /** The verdict the Worker has accepted, if any. */
  helpful?: boolean
  onRate(helpful: boolean): Promise<void>
}

/** "Was this helpful?" under an answer. The vote can be changed; a failed send leaves the buttons as they were. */
export class Feedback extends Component<Props, { failed?: boolean }> {
  declare sending?: boolean

  vote(value: boolean) {
    if (this.sending) return
    this.sending = true
    const done = (failed: boolean) => {
      this.sending = false
      this.setState({ failed })
    }
    this.props.onRate(value).then(
      () => done(false),
      () => done(true),
    )
  }

  render({ helpful }: Props, { failed }: { failed?: boolean }) {
    const button = (value: boolean, label: string, name: string) => (
      <button type="button" aria-label={name} aria-pressed={helpful === value} onClick={() => this.vote(value)}>
        {label}
      </button>
    )
    return (
      <div class="vote" role="group" aria-label="Was this helpful?">
        <span aria-hidden="true">Was this helpful?</span>
        {button(true, 'Yes', 'Yes, helpful')}
        {button(false, 'No', 'No, not helpful')}
        <span role="status">{failed ? "Sorry, that didn't send. Please try again." : helpful !== undefined && 'Thanks for your feedback'}</span>
      </div>
    )
  }
}
