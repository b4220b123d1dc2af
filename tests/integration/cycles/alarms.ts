/**
 * The alarms and detection guide on the emulator. The account is the
 * management account of an organization whose multi-region trail is
 * logging to S3 but not yet to CloudWatch Logs; it has no log group,
 * metric filter, alarm, topic, GuardDuty detector, EventBridge rule or
 * Security Hub hub yet. The CloudTrail guide's last change sends the trail
 * to `/org/cloudtrail` (the prerequisite the alarm checks name), and the
 * guide's changes then build the alert topic, the fifteen CIS alarms,
 * GuardDuty with its findings route, and Security Hub CSPM in this account.
 *
 * moto accepts any metric filter pattern and never evaluates it, and its
 * alarms never publish to SNS; the cycle proves the commands, the checks'
 * reading of filters and alarms, and the state they leave, not that a
 * pattern matches real CloudTrail records.
 */
import assert from 'node:assert/strict';
import { createOrganization } from '../account.ts';
import type { Cycle } from '../cycle.ts';
import { account, aws, homeRegion } from '../harness.ts';

const logGroup = '/org/cloudtrail';
const topicArn = `arn:aws:sns:${homeRegion}:${account}:security-alerts`;
const trailBucket = `org-cloudtrail-${account}`;

/** The fifteen CIS monitoring controls, by the key in their block ids. */
const controls = [
  'unauthorized-api-calls',
  'console-signin-without-mfa',
  'root-usage',
  'iam-policy-changes',
  'cloudtrail-changes',
  'console-auth-failures',
  'kms-key-disable-delete',
  's3-bucket-policy-changes',
  'config-changes',
  'security-group-changes',
  'nacl-changes',
  'network-gateway-changes',
  'route-table-changes',
  'vpc-changes',
  'organizations-changes',
];

const cycle: Cycle = {
  guide: 'docs/alarms.md',

  given: async (env) => {
    const awsCli = aws(env);
    await createOrganization(env);
    await awsCli`s3api create-bucket --bucket ${trailBucket}`;
    await awsCli`cloudtrail create-trail --name org-trail
      --s3-bucket-name ${trailBucket} --is-multi-region-trail`;
    await awsCli`cloudtrail start-logging --name org-trail`;
  },

  params: {
    TRAIL_LOG_GROUP: logGroup,
    ALERT_TOPIC_ACCOUNT_ID: account,
    ALERT_EMAIL: 'security-oncall@example.com',
    ALARM_TOPIC_ARN: topicArn,
    FINDINGS_TOPIC_ARN: topicArn,
    SECURITY_ACCOUNT_ID: account,
    SECURITY_HOME_REGION: homeRegion,
  },

  fresh: {
    'alarms-topic-confirmed-subscription': 'FAIL',
    // The trail logs, but to S3 only.
    'alarms-trail-delivers-to-log-group': 'FAIL',
    ...Object.fromEntries(
      controls.map((key) => [`alarms-${key}-monitored`, 'FAIL' as const]),
    ),
    'alarms-guardduty-enabled': 'FAIL',
    'alarms-guardduty-org-auto-enable': 'FAIL',
    'alarms-guardduty-findings-routed': 'FAIL',
    'alarms-securityhub-enabled': 'FAIL',
    'alarms-securityhub-standards': 'ERROR',
  },

  fix: [
    // The CloudTrail guide's change, named by the trail delivery check.
    { run: 'cloudtrail-cloudwatch-logs-delivery', params: { ACCOUNT_ID: account } },
    { run: 'alarms-create-alert-topic' },
    {
      manual: 'alarms-confirm-alert-subscription',
      by: async (env, params) => {
        // moto confirms email subscriptions when they are made; the person
        // confirms with the token from the link, as the step says.
        const awsCli = aws(env);
        await awsCli`sns confirm-subscription
          --topic-arn ${params.ALARM_TOPIC_ARN} --token 0123456789abcdef0123
          --authenticate-on-unsubscribe true`;
        const sent = await awsCli`sns publish
          --topic-arn ${params.ALARM_TOPIC_ARN}
          --subject ${'Test of the security alert topic'}
          --message ${'If you can read this, alerts reach the on-call.'}`;
        assert.ok(sent.MessageId);
      },
    },
    ...controls.map((key) => ({ run: `alarms-monitor-${key}` })),
    { run: 'alarms-guardduty-enable' },
    { run: 'alarms-route-guardduty-findings' },
    { run: 'alarms-securityhub-enable' },
    {
      manual: 'alarms-test-alert-path',
      by: async (env) => {
        const awsCli = aws(env);
        await awsCli`cloudwatch set-alarm-state --alarm-name cis-root-usage
          --state-value ALARM
          --state-reason ${'Quarterly test of the path to the on-call'}`;
        const out = await awsCli`cloudwatch describe-alarms
          --alarm-names cis-root-usage`;
        assert.equal(out.MetricAlarms[0].StateValue, 'ALARM');
        assert.deepEqual(out.MetricAlarms[0].AlarmActions, [topicArn]);
      },
    },
  ],

  after: {
    'alarms-guardduty-org-auto-enable': 'ERROR',
  },

  unsupported: {
    'alarms-guardduty-org-auto-enable':
      'moto 5.2 has no guardduty DescribeOrganizationConfiguration or ' +
      'UpdateOrganizationConfiguration, so neither the check nor its fix ' +
      '(alarms-guardduty-auto-enable-members) runs',
    'alarms-securityhub-standards':
      'moto 5.2 has no securityhub GetEnabledStandards, BatchEnableStandards, ' +
      'CreateFindingAggregator or configuration policies, so neither the ' +
      'check nor its fixes run',
  },
};

export default cycle;
