/**
 * The load test's floor: a Worker that does no work, behind the same static
 * assets layer, so its requests/s is the most the local server can serve on
 * this machine whatever the Worker does.
 */
export default {
  fetch: () => Response.json({ status: 'ok' }),
} satisfies ExportedHandler
