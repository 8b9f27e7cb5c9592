// generated from specs/cs/2015-12-15/api-docs.json by `cargo xtask codegen`; do not edit.

//! Types of `DescribeClusterDetail`: You can call the DescribeClusterDetail operation to query the details of a Container Service for Kubernetes (ACK) cluster by cluster ID.

#![cfg_attr(rustfmt, rustfmt::skip)]

::alibabacloud_types::model! {
    /// The request of `DescribeClusterDetail`: You can call the DescribeClusterDetail operation to query the details of a Container Service for Kubernetes (ACK) cluster by cluster ID.
    ///
    /// Send it with `Client::describe_cluster_detail` of the client crate, or build it here (e.g. in tests) with `DescribeClusterDetailRequest::new()` and the `with_*` setters.
    pub struct DescribeClusterDetailRequest {
        /// The cluster ID.
        ///
        /// Required: `send()` fails with `ConstructionError::MissingParameter` when it is not set.
        ///
        /// Example: `cdde1f21ae22e483ebcb068a6eb7f****`
        #[wire("ClusterId", with_cluster_id)]
        pub cluster_id: Option<String>,
    }
}

::alibabacloud_types::model! {
    /// The response of `DescribeClusterDetail`.
    ///
    /// The response parameters.
    pub struct DescribeClusterDetailResponse {
        /// The cluster ID.
        ///
        /// Example: `c82e6987e2961451182edacd74faf****`
        #[wire("cluster_id")]
        pub cluster_id: Option<String>,
        /// The type of the instance.
        ///
        /// *   `Kubernetes`: ACK dedicated cluster.
        /// *   `ManagedKubernetes`: ACK managed cluster. ACK managed clusters include ACK managed Basic clusters, ACK managed Pro clusters, ACK Serverless Pro clusters, ACK Serverless Basic clusters, ACK Edge Pro clusters, ACK Edge Basic clusters, and ACK Lingjun Pro clusters.
        /// *   `ExternalKubernetes`: registered cluster.
        ///
        /// Example: `Kubernetes`
        #[wire("cluster_type")]
        pub cluster_type: Option<String>,
        /// The time when the cluster was created.
        ///
        /// Example: `2019-11-25T15:50:20+08:00`
        #[wire("created")]
        pub created: Option<String>,
        /// The initial Kubernetes version of the cluster.
        ///
        /// Example: `1.16.6-aliyun.1`
        #[wire("init_version")]
        pub init_version: Option<String>,
        /// The Kubernetes version of the cluster. For more information about the Kubernetes versions supported by ACK, see Release notes for Kubernetes versions.
        ///
        /// Example: `1.16.6-aliyun.1`
        #[wire("current_version")]
        pub current_version: Option<String>,
        /// The Kubernetes version to which the cluster can be upgraded.
        ///
        /// Example: `1.18.8-aliyun.1`
        #[wire("next_version")]
        pub next_version: Option<String>,
        /// Indicates whether deletion protection is enabled for the cluster. If deletion protection is enabled, the cluster cannot be deleted in the Container Service console or by calling API operations. Valid values:
        ///
        /// *   `true`: deletion protection is enabled for the cluster. This way, the cluster cannot be deleted in the Container Service console or by calling API operations.
        /// *   `false`: deletion protection is disabled for the cluster. This way, the cluster can be deleted in the Container Service console or by calling API operations.
        ///
        /// Example: `true`
        #[wire("deletion_protection")]
        pub deletion_protection: Option<bool>,
        /// **Deprecated.**
        ///
        /// The Docker version that is used by the cluster.
        ///
        /// Example: `19.03.5`
        #[wire("docker_version")]
        pub docker_version: Option<String>,
        /// **Deprecated.**
        ///
        /// The ID of the Server Load Balancer (SLB) instance that is created for the Ingress of the cluster.
        ///
        /// Example: `lb-2zehc05z3b8dwiifh****`
        #[wire("external_loadbalancer_id")]
        pub external_loadbalancer_id: Option<String>,
        /// The metadata of the cluster.
        ///
        /// Example: `\"Addons\":***`
        #[wire("meta_data")]
        pub meta_data: Option<String>,
        /// The cluster name.
        ///
        /// Example: `cluster-demo`
        #[wire("name")]
        pub name: Option<String>,
        /// **Deprecated.**
        ///
        /// The network type of the cluster. Example: Virtual Private Cloud (VPC).
        ///
        /// Example: `vpc`
        #[wire("network_mode")]
        pub network_mode: Option<String>,
        /// The region ID of the cluster.
        ///
        /// Example: `cn-beijing`
        #[wire("region_id")]
        pub region_id: Option<String>,
        /// The ID of the resource group to which the cluster belongs.
        ///
        /// Example: `rg-acfmyvw3wjm****`
        #[wire("resource_group_id")]
        pub resource_group_id: Option<String>,
        /// The ID of the security group to which the cluster belongs.
        ///
        /// Example: `sg-25yq****`
        #[wire("security_group_id")]
        pub security_group_id: Option<String>,
        /// The number of nodes in the cluster. Master nodes and worker nodes are included.
        ///
        /// Example: `5`
        #[wire("size")]
        pub size: Option<i64>,
        /// The status of the cluster. Valid values:
        ///
        /// *   `initial`: The cluster is being created.
        /// *   `failed`: The cluster failed to be created.
        /// *   `running`: The cluster is running.
        /// *   `updating`: The cluster is being updated.
        /// *   `updating_failed`: The cluster failed to be updated.
        /// *   `scaling`: The cluster is being scaled.
        /// *   `waiting`: The cluster is waiting for connection requests.
        /// *   `disconnected`: The cluster is disconnected.
        /// *   `stopped`: The cluster is stopped.
        /// *   `deleting`: The cluster is being deleted.
        /// *   `deleted`: The cluster is deleted.
        /// *   `delete_failed`: The cluster failed to be deleted.
        ///
        /// Example: `running`
        #[wire("state")]
        pub state: Option<String>,
        /// The resource labels of the cluster.
        #[wire("tags")]
        pub tags: Vec<crate::types::Tag>,
        /// The time when the cluster was updated.
        ///
        /// Example: `2020-01-13T23:01:03+08:00`
        #[wire("updated")]
        pub updated: Option<String>,
        /// The ID of the VPC where the cluster is deployed. This parameter is required when you create a cluster.
        ///
        /// Example: `vpc-2zecuu62b9zw7a7qn****`
        #[wire("vpc_id")]
        pub vpc_id: Option<String>,
        /// **Deprecated.**
        ///
        /// The ID of the vSwitche. This field is deprecated. Use vswitch_ids to query the vSwitches on the control plane and vswitch_ids to query the vSwitches on the data plane.
        ///
        /// Example: `vsw-2zete8s4qocqg0mf6****,vsw-2zete8s4qocqg0mf6****`
        #[wire("vswitch_id")]
        pub vswitch_id: Option<String>,
        /// **Deprecated.**
        ///
        /// The pod CIDR block.
        ///
        /// Example: `172.20.0.0/16`
        #[wire("subnet_cidr")]
        pub subnet_cidr: Option<String>,
        /// **Deprecated.**
        ///
        /// The ID of the zone within the region where the cluster is located.
        ///
        /// Example: `cn-beijing-a`
        #[wire("zone_id")]
        pub zone_id: Option<String>,
        /// The endpoints of the cluster, including an internal endpoint and a public endpoint.
        ///
        /// Example: `{\"intranet_api_server_endpoint\":\"https://192.168.0.251:6443\"***}`
        #[wire("master_url")]
        pub master_url: Option<String>,
        /// **Deprecated.**
        ///
        /// Indicates whether Alibaba Cloud DNS PrivateZone (PrivateZone) is enabled for the cluster. Valid values:
        ///
        /// *   `true`: PrivateZone is enabled.
        /// *   `false`: PrivateZone is dislabled.
        ///
        /// Default value: false
        ///
        /// Example: `false`
        #[wire("private_zone")]
        pub private_zone: Option<bool>,
        /// The subtype of the cluster.
        ///
        /// *   `Default`. ACK managed cluster. ACK managed clusters include ACK Basic clusters and ACK Pro clusters.
        /// *   `Edge`: ACK Edge cluster. ACK Edge clusters include ACK Edge Basic clusters and ACK Edge Pro clusters.
        /// *   `Serverless`: ACK Serverless cluster. ACK Serverless clusters include ACK Serverless Basic clusters and ACK Serverless Pro clusters.
        /// *   `Lingjun`: ACK Lingjun Pro cluster.
        ///
        /// Example: `Default`
        #[wire("profile")]
        pub profile: Option<String>,
        /// The edition of the cluster
        ///
        /// *   `ack.pro.small`: the Pro edition.
        /// *   `ack.standard`: the Basic edition.
        ///
        /// Example: `ack.pro.small`
        #[wire("cluster_spec")]
        pub cluster_spec: Option<String>,
        /// The name of the worker Resource Access Management (RAM) role. The RAM role is assigned to the worker nodes of the cluster to allow the worker nodes to manage Elastic Compute Service (ECS) instances.
        ///
        /// Example: `KubernetesWorkerRole-ec87d15b-edca-4302-933f-c8a16bf0****`
        #[wire("worker_ram_role_name")]
        pub worker_ram_role_name: Option<String>,
        /// The maintenance window of the cluster. This feature is available only in ACK Pro clusters.
        #[wire("maintenance_window")]
        pub maintenance_window: crate::types::MaintenanceWindow,
        /// **Deprecated.**
        ///
        /// The Resource Orchestration Service (ROS) parameters of the cluster.
        #[wire("parameters")]
        pub parameters: std::collections::BTreeMap<String, String>,
        /// The pod CIDR block. The configuration of the Flannel network plug-in.
        ///
        /// Example: `172.20.0.0/16`
        #[wire("container_cidr")]
        pub container_cidr: Option<String>,
        /// The Service CIDR block.
        ///
        /// Example: `172.21.0.0/20`
        #[wire("service_cidr")]
        pub service_cidr: Option<String>,
        /// The kube-proxy mode. Valid values:
        ///
        /// *   `iptables`: a mature and stable kube-proxy mode that uses iptables rules to conduct Service discovery and load balancing. The performance of this mode is limited by the size of the cluster. This mode is suitable for clusters that run a small number of Services.
        /// *   `ipvs`: provides high performance and uses IP Virtual Server (IPVS). This allows you to configure service discovery and load balancing. This mode is suitable for clusters that are required to run a large number of services. We recommend that you use this mode in scenarios that require high load balancing performance.
        ///
        /// Example: `ipvs`
        #[wire("proxy_mode")]
        pub proxy_mode: Option<String>,
        /// The time zone
        ///
        /// Example: `Asia/Shanghai`
        #[wire("timezone")]
        pub timezone: Option<String>,
        /// This parameter is available only for Flannel.
        ///
        /// The subnet mask length of the node CIDR block. This parameter indicates the maximum number of IP addresses that can be assigned to nodes.
        ///
        /// Example: `26`
        #[wire("node_cidr_mask")]
        pub node_cidr_mask: Option<String>,
        /// The IP stack of the cluster. Valid values:
        ///
        /// *   ipv4: The cluster is an IPv4 cluster.
        /// *   dual: The cluster is an IPv4/IPv6 dual-stack cluster.
        ///
        /// Default: `ipv4`.
        ///
        /// Example: `ipv4`
        #[wire("ip_stack")]
        pub ip_stack: Option<DescribeClusterDetailIpStack>,
        /// The domain name of the cluster.
        ///
        /// Example: `cluster.local`
        #[wire("cluster_domain")]
        pub cluster_domain: Option<String>,
        /// 自定义证书 SAN。
        #[wire("extra_sans")]
        pub extra_sans: Vec<String>,
        /// RRSA 配置。
        #[wire("rrsa_config")]
        pub rrsa_config: RrsaConfig,
        /// The vSwitch for the control plane of the cluster.
        #[wire("vswitch_ids")]
        pub vswitch_ids: Vec<String>,
        /// The automatic O\&M policy of the cluster.
        #[wire("operation_policy")]
        pub operation_policy: OperationPolicy,
        /// The control plane configurations in an ACK dedicated cluster.
        #[wire("control_plane_config")]
        pub control_plane_config: ControlPlaneConfig,
        /// 智能托管模式配置。
        #[wire("auto_mode")]
        pub auto_mode: AutoMode,
    }
}

::alibabacloud_types::open_enum! {
    /// The IP stack of the cluster. Valid values:
    ///
    /// *   ipv4: The cluster is an IPv4 cluster.
    /// *   dual: The cluster is an IPv4/IPv6 dual-stack cluster.
    pub enum DescribeClusterDetailIpStack {
        /// `ipv4`: The cluster is an IPv4 cluster.
        Ipv4 = "ipv4",
        /// `dual`: The cluster is an IPv4/IPv6 dual-stack cluster.
        Dual = "dual",
    }
}

::alibabacloud_types::model! {
    /// RRSA 配置。
    pub struct RrsaConfig {
        /// 是否启用 RRSA。
        #[wire("enabled")]
        pub enabled: Option<bool>,
        /// OIDC 身份提供商名称。
        #[wire("oidc_name")]
        pub oidc_name: Option<String>,
        /// OIDC 身份提供商 ARN。
        #[wire("oidc_arn")]
        pub oidc_arn: Option<String>,
        /// OIDC Token 可配置的最大有效期。
        #[wire("max_oidc_token_expiration")]
        pub max_oidc_token_expiration: Option<String>,
        /// OIDC Token 的受众信息。包含多个值时将使用英文逗号（,）分隔。该值将以数组形式成为 OIDC Token 中 aud 字段的值。
        #[wire("audience")]
        pub audience: Option<String>,
        /// OIDC Token 的签发者信息。包含多个值时将使用英文逗号（,）分隔。其中第一个值将成为 OIDC Token 中 iss 字段的值以及 OIDC 身份提供商的颁发者 URL。
        #[wire("issuer")]
        pub issuer: Option<String>,
        /// OIDC 配置文档 URL。
        #[wire("open_api_configuration_url")]
        pub open_api_configuration_url: Option<String>,
        /// OIDC 公钥信息 URL。
        #[wire("jwks_url")]
        pub jwks_url: Option<String>,
    }
}

::alibabacloud_types::model! {
    /// The automatic O\&M policy of the cluster.
    pub struct OperationPolicy {
        /// The configurations of auto cluster update.
        #[wire("cluster_auto_upgrade")]
        pub cluster_auto_upgrade: ClusterAutoUpgrade,
    }
}

::alibabacloud_types::model! {
    /// The configurations of auto cluster update.
    pub struct ClusterAutoUpgrade {
        /// Specifies whether to enable auto cluster update.
        ///
        /// Example: `true`
        #[wire("enabled")]
        pub enabled: Option<bool>,
        /// The frequency of auto cluster updates. For more information, see Update frequency.
        ///
        /// Valid values:
        ///
        /// *   patch: specifies the latest patch version.
        /// *   stable: specifies the second-latest minor version.
        /// *   rapid: specifies the latest minor version.
        ///
        /// Example: `patch`
        #[wire("channel")]
        pub channel: Option<String>,
    }
}

::alibabacloud_types::model! {
    /// The control plane configurations in an ACK dedicated cluster.
    pub struct ControlPlaneConfig {
        /// The billing method of the control plane node.
        ///
        /// Example: `PrePaid`
        #[wire("charge_type")]
        pub charge_type: Option<String>,
        /// The subscription duration of nodes in the node pool.
        ///
        /// Example: `1`
        #[wire("period")]
        pub period: Option<i64>,
        /// The unit of the subscription duration.
        ///
        /// Example: `Month`
        #[wire("period_unit")]
        pub period_unit: Option<String>,
        /// Indicates whether auto-renewal is enabled for the nodes.
        ///
        /// Example: `true`
        #[wire("auto_renew")]
        pub auto_renew: Option<bool>,
        /// The auto-renewal duration for the nodes.
        ///
        /// Example: `1`
        #[wire("auto_renew_period")]
        pub auto_renew_period: Option<i64>,
        /// The instance types of the nodes.
        #[wire("instance_types")]
        pub instance_types: Vec<String>,
        /// The type of the OS image.
        ///
        /// Example: `AliyunLinux3`
        #[wire("image_type")]
        pub image_type: Option<String>,
        /// The image ID.
        ///
        /// Example: `aliyun_3_x64_20G_alibase_20240819.vhd`
        #[wire("image_id")]
        pub image_id: Option<String>,
        /// The name of the key pair. You must set key_pair or login_password.
        ///
        /// Example: `ack`
        #[wire("key_pair")]
        pub key_pair: Option<String>,
        /// The category of the system disk for nodes.
        ///
        /// Example: `cloud_essd`
        #[wire("system_disk_category")]
        pub system_disk_category: Option<String>,
        /// The system disk size of the node. The value must be at least 40 GB.
        ///
        /// Example: `120`
        #[wire("system_disk_size")]
        pub system_disk_size: Option<i64>,
        /// The automatic snapshot policy of the node.
        ///
        /// Example: `sp-2zej1nogjvovnz4z****`
        #[wire("system_disk_snapshot_policy_id")]
        pub system_disk_snapshot_policy_id: Option<String>,
        /// The performance level (PL) of the system disk that you want to use for the node. This parameter takes effect only for ESSDs.
        ///
        /// Example: `PL1`
        #[wire("system_disk_performance_level")]
        pub system_disk_performance_level: Option<String>,
        /// The preset read/write IOPS of the system disk.
        ///
        /// Example: `1000`
        #[wire("system_disk_provisioned_iops")]
        pub system_disk_provisioned_iops: Option<i64>,
        /// Indicates whether to enable the burst feature for the system disk.
        ///
        /// Example: `true`
        #[wire("system_disk_bursting_enabled")]
        pub system_disk_bursting_enabled: Option<bool>,
        /// The ID of the deployment set.
        ///
        /// Example: `ds-bp10b35imuam5amw****`
        #[wire("deploymentset_id")]
        pub deploymentset_id: Option<String>,
        /// Indicates whether to install CloudMonitor for the node.
        ///
        /// Example: `true`
        #[wire("cloud_monitor_flags")]
        pub cloud_monitor_flags: Option<bool>,
        /// Indicates whether to enable Multi-Level Protection Scheme (MLPS) security hardening.
        ///
        /// Example: `false`
        #[wire("soc_enabled")]
        pub soc_enabled: Option<bool>,
        /// Indicates whether to enable Alibaba Cloud Linux Security Hardening.
        ///
        /// Example: `true`
        #[wire("security_hardening_os")]
        pub security_hardening_os: Option<bool>,
        /// The CPU management policy of nodes.
        ///
        /// Example: `none`
        #[wire("cpu_policy")]
        pub cpu_policy: Option<String>,
        /// The runtime.
        ///
        /// Example: `containerd`
        #[wire("runtime")]
        pub runtime: Option<String>,
        /// The node port range.
        ///
        /// Example: `30000-32767`
        #[wire("node_port_range")]
        pub node_port_range: Option<String>,
        /// The number of control plane nodes.
        ///
        /// Example: `3`
        #[wire("size")]
        pub size: Option<i64>,
        /// ECS 实例的元数据访问配置。
        #[wire("instance_metadata_options")]
        pub instance_metadata_options: crate::types::InstanceMetadataOptions,
    }
}

::alibabacloud_types::model! {
    /// 智能托管模式配置。
    pub struct AutoMode {
        /// 是否开启智能托管模式。
        #[wire("enable")]
        pub enable: Option<bool>,
    }
}
