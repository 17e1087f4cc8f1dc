package iamnb.runbook;

/** The policy documents printed in the seed runbook, verbatim, to compare the generated ones with. */
final class SeedDocuments {
    private SeedDocuments() {}

    static final String CROSS_ACCOUNT_TRUST = """
            {
            "Version": "2012-10-17",
            "Statement": [{
            "Effect": "Allow",
            "Principal": {
            "AWS": "arn:aws:iam::111111111111:role/ci-pipeline"
            },
            "Action": "sts:AssumeRole",
            "Condition": {
            "StringEquals": {
            "sts:ExternalId": "prod-deploy-2024"
            }
            }
            }]
            }""";

    static final String ASSUME_POLICY = """
            {
            "Version": "2012-10-17",
            "Statement": [{
            "Effect": "Allow",
            "Action": "sts:AssumeRole",
            "Resource": "arn:aws:iam::222222222222:role/cross-account-deploy"
            }]
            }""";

    static final String BREAK_GLASS_TRUST = """
            {
            "Version": "2012-10-17",
            "Statement": [{
            "Effect": "Allow",
            "Principal": {
            "AWS": "arn:aws:iam::123456789012:root"
            },
            "Action": "sts:AssumeRole",
            "Condition": {
            "Bool": {"aws:MultiFactorAuthPresent": "true"},
            "NumericLessThan": {"aws:MultiFactorAuthAge": "3600"}
            }
            }]
            }""";

    static final String CONDITIONAL_MFA = """
            {
            "Version": "2012-10-17",
            "Statement": [
            {
            "Sid": "AllowReadWithoutMFA",
            "Effect": "Allow",
            "Action": [
            "s3:GetObject",
            "s3:ListBucket",
            "ec2:Describe*"
            ],
            "Resource": "*"
            },
            {
            "Sid": "AllowWriteOnlyWithMFA",
            "Effect": "Allow",
            "Action": [
            "s3:PutObject",
            "s3:DeleteObject",
            "ec2:RunInstances",
            "ec2:TerminateInstances"
            ],
            "Resource": "*",
            "Condition": {
            "Bool": {"aws:MultiFactorAuthPresent": "true"}
            }
            }
            ]
            }""";

    static final String DEV_BOUNDARY = """
            {
            "Version": "2012-10-17",
            "Statement": [
            {
            "Sid": "AllowedServices",
            "Effect": "Allow",
            "Action": [
            "s3:*",
            "dynamodb:*",
            "lambda:*",
            "sqs:*",
            "sns:*",
            "logs:*",
            "cloudwatch:*",
            "xray:*"
            ],
            "Resource": "*"
            },
            {
            "Sid": "DenyProductionResources",
            "Effect": "Deny",
            "Action": "*",
            "Resource": "*",
            "Condition": {
            "StringEquals": {
            "aws:ResourceTag/Environment": "production"
            }
            }
            },
            {
            "Sid": "DenyDangerousActions",
            "Effect": "Deny",
            "Action": [
            "iam:CreateUser",
            "iam:DeleteRole",
            "iam:DeletePolicy",
            "organizations:*",
            "account:*"
            ],
            "Resource": "*"
            }
            ]
            }""";

    static final String DEV_POLICY = """
            {
            "Version": "2012-10-17",
            "Statement": [
            {
            "Sid": "AllowCreateRoleWithBoundary",
            "Effect": "Allow",
            "Action": [
            "iam:CreateRole",
            "iam:AttachRolePolicy",
            "iam:PutRolePolicy"
            ],
            "Resource": "arn:aws:iam::123456789012:role/dev-*",
            "Condition": {
            "StringEquals": {
            "iam:PermissionsBoundary": "arn:aws:iam::123456789012:policy/dev-sandbox-boundary"
            }
            }
            },
            {
            "Sid": "AllowPassRoleForLambda",
            "Effect": "Allow",
            "Action": "iam:PassRole",
            "Resource": "arn:aws:iam::123456789012:role/dev-*",
            "Condition": {
            "StringEquals": {
            "iam:PassedToService": "lambda.amazonaws.com"
            }
            }
            }
            ]
            }""";
}
