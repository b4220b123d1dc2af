/**
 * Resources the checks of the guides take as parameters, created on the
 * emulator with the AWS CLI the way an engineer would.
 */
import {
  CreateOrganizationCommand,
  ListRootsCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { assertLoopback, aws } from './harness.ts';

export interface Organization {
  id: string;
  rootId: string;
}

/**
 * Makes the account the management account of a new organization, like
 * `aws organizations create-organization --feature-set ALL` (with the SDK,
 * which saves two starts of the AWS CLI).
 */
export async function createOrganization(
  env: Record<string, string>,
): Promise<Organization> {
  const endpoint = env.AWS_ENDPOINT_URL!;
  assertLoopback(endpoint);
  const client = new OrganizationsClient({
    endpoint,
    region: env.AWS_REGION!,
    credentials: {
      accessKeyId: env.AWS_ACCESS_KEY_ID!,
      secretAccessKey: env.AWS_SECRET_ACCESS_KEY!,
    },
  });
  try {
    const created = await client.send(
      new CreateOrganizationCommand({ FeatureSet: 'ALL' }),
    );
    const roots = await client.send(new ListRootsCommand({}));
    return { id: created.Organization!.Id!, rootId: roots.Roots![0]!.Id! };
  } finally {
    client.destroy();
  }
}

/** The default VPC of the region, which moto creates like AWS does. */
export async function defaultVpc(env: Record<string, string>): Promise<string> {
  const awsCli = aws(env);
  const out = await awsCli`ec2 describe-vpcs
    --filters Name=is-default,Values=true`;
  return out.Vpcs[0].VpcId;
}

/** An Application Load Balancer named `name` in two subnets of `vpcId`. */
export async function createLoadBalancer(
  env: Record<string, string>,
  vpcId: string,
  name = 'web',
): Promise<string> {
  const awsCli = aws(env);
  const subnets = await awsCli`ec2 describe-subnets
    --filters Name=vpc-id,Values=${vpcId}`;
  const ids = subnets.Subnets.slice(0, 2).map(
    (s: { SubnetId: string }) => s.SubnetId,
  );
  const out = await awsCli`elbv2 create-load-balancer --name ${name}
    --subnets ${ids}`;
  return out.LoadBalancers[0].LoadBalancerArn;
}

/** The parameters every check of the guides needs on a prepared account. */
export function checkParams(values: {
  vpcId: string;
  loadBalancerArn: string;
}): string[] {
  return [
    '--param',
    `VPC_ID=${values.vpcId}`,
    '--param',
    `LOAD_BALANCER_ARN=${values.loadBalancerArn}`,
    '--param',
    `TRAIL_ARN=${trailArn}`,
  ];
}

/** The organization trail's ARN, before and after it exists. */
export const trailArn =
  'arn:aws:cloudtrail:us-east-1:111122223333:trail/org-trail';
